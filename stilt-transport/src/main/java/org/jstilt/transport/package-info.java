/** The native Lagrangian transport engine. */
package org.jstilt.transport;
