/** Tencent Cloud VPC (API 3.0 and the legacy v2 API); so far its signature schemes. */
package dev.vpnd.server.dialect.tencent;
