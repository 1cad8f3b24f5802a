/**
 * A STILT project on disk: where its inputs and outputs live ({@link org.jstilt.runtime.project.ProjectLayout},
 * PYSTILT's layout), its inputs loaded and checked as a whole ({@link org.jstilt.runtime.project.Project}),
 * the simulations they define ({@link org.jstilt.runtime.project.Project#plan}), the registry that tracks
 * them ({@link org.jstilt.runtime.project.ProjectRegistry}) and what the outputs on disk say
 * ({@link org.jstilt.runtime.project.LocalOutputs}).
 *
 * <p>Loading checks everything a run needs before anything is written, so that {@code stilt register}
 * either registers every simulation or none.
 */
package org.jstilt.runtime.project;
