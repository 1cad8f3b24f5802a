/**
 * The project verbs: {@code stilt init}, {@code register}, {@code status}, {@code rebuild}. Each is a thin
 * layer over {@link org.jstilt.runtime.project}: parse options, call one method, print the result.
 */
package org.jstilt.cli.project;
