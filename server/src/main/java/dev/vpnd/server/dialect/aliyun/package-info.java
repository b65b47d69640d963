/**
 * Alibaba Cloud VPC, RPC style, version 2016-04-28: parse, authenticate (signature v1 and v3), run an action on
 * canonical services, render JSON or XML.
 */
package dev.vpnd.server.dialect.aliyun;
