/** The external hycs_std transport engine. */
package org.jstilt.hysplit;
