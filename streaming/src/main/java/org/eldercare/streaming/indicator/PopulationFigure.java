package org.eldercare.streaming.indicator;

/** A planner's population figures for one street, as of event time {@code time} (epoch ms). */
public record PopulationFigure(long residents, long elderly60, long time) {}
