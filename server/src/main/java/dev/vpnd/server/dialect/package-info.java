/**
 * The one request pipeline every dialect fills in ({@link dev.vpnd.server.dialect.RequestPipeline}):
 * parse to a typed call, authenticate, look the action up in an {@link dev.vpnd.server.dialect.ActionTable},
 * run it, map a core problem to the wire through the dialect's {@link dev.vpnd.server.dialect.ProblemTable},
 * render. What differs between clouds is data: each dialect's tables of actions, errors and spellings.
 */
package dev.vpnd.server.dialect;
