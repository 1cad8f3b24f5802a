package org.jstilt.core.config;

/** The three parameter groups, read by the {@link HysplitParameter} getters (resolved or not). */
interface ParamGroups {
  ModelParams model();

  TransportParams transport();

  ErrorParams error();
}
