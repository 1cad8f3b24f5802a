/** Projects, registry, runner and execution backends. */
package org.jstilt.runtime;
