/**
 * The transport seam: {@link org.jstilt.core.transport.TransportEngine} and its request and result values,
 * and the vocabulary of transport failures ({@link org.jstilt.core.transport.FailureReason}, PYSTILT's
 * phrase table, plus timeouts and crashes).
 *
 * <p>Invariants: a {@link org.jstilt.core.transport.TransportRequest} always names at least one met file and
 * an error run only when error parameters are configured; a {@link org.jstilt.core.transport.TransportException}
 * always carries a reason. Nothing here touches a file; engines live in their own modules.
 */
package org.jstilt.core.transport;
