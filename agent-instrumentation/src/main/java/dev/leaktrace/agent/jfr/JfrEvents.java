package dev.leaktrace.agent.jfr;

import dev.leaktrace.bootstrap.RecorderQueries;
import jdk.jfr.FlightRecorder;

/**
 * {@code jfr:}: registers leaktrace's events with JFR. They cost nothing until a recording
 * enables them ({@code -XX:StartFlightRecording}, {@code jcmd PID JFR.start}, Mission Control).
 */
public final class JfrEvents {
    private JfrEvents() {
    }

    /**
     * {@code live}: the periodic {@code leaktrace.LiveObjects}; {@code objects} adds
     * {@code leaktrace.Allocation} and {@code leaktrace.Drop} per object.
     */
    public static void install(boolean perObject) throws ReflectiveOperationException {
        FlightRecorder.addPeriodicEvent(LiveObjectsEvent.class, new LiveObjectsHook());
        if (perObject) {
            RecorderQueries.setObjectEvents(new JfrObjectEvents(ThrottledEventClass.constructor()));
        }
    }
}
