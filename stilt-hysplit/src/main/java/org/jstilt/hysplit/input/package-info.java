/**
 * hycs_std's input files as text: CONTROL, SETUP.CFG, ZICONTROL, WINDERR and ZIERR.
 *
 * <p>Invariant: for the same receptor, parameters and met files, the text is byte-identical to what R-STILT
 * (uataq/stilt @0e290a6) writes; checked against every reference case in {@code ../shared/reference/hysplit}.
 * Terms as HYSPLIT uses them: CONTROL is the positional run description, SETUP.CFG the namelist of
 * model switches.
 */
package org.jstilt.hysplit.input;
