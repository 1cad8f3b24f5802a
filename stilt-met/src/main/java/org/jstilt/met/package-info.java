/** ARL packed meteorology: reading, writing, projections, discovery. */
package org.jstilt.met;
