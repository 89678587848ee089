/**
 * What every feature needs to start: parsing of setting values ({@link
 * io.warroom.config.SettingParser}), the one-line start-up failure ({@link
 * io.warroom.config.StartupProblem}) and the clock. Each feature reads its own variables of SPEC
 * section 2 in a {@code *SettingsFactory} next to its settings record.
 */
package io.warroom.config;
