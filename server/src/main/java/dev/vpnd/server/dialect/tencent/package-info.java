/**
 * Tencent Cloud VPC, API 3.0 (TC3 and the legacy signature) and the legacy v2 API: parse,
 * authenticate, run an action on canonical services, render JSON (docs/dialects/tencent.md).
 */
package dev.vpnd.server.dialect.tencent;
