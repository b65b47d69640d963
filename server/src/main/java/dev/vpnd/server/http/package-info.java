/** The HTTP adapter: the only package that sees the HTTP library; dialects get plain request and response values. */
package dev.vpnd.server.http;
