/** What an operator watches: health, readiness and Prometheus metrics on the admin listener. */
package dev.vpnd.server.ops;
