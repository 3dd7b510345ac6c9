package io.complaintdesk.bench;

import java.time.Duration;
import java.util.function.Supplier;

import org.joda.time.DateTimeUtils;

/**
 * The engine's clock ({@code ClockUtil}, read by the desk's {@code EngineClock}) with an offset per
 * thread, so that each fill thread registers its complaints on days of its own: a backlog of
 * 100,000 open complaints was received over weeks, and every day has its own case-number counter
 * row (POLICY §2), so two fill threads on different days never wait for each other's counter lock.
 * Threads that never set an offset (everything but the fill) see the real time.
 */
final class BenchClock {

	private static final ThreadLocal<long[]> OFFSET = ThreadLocal.withInitial(() -> new long[1]);

	private BenchClock() {
	}

	/** Replaces the engine clock's time source; call once, before the application starts. */
	static void install() {
		DateTimeUtils.setCurrentMillisProvider(() -> System.currentTimeMillis() + OFFSET.get()[0]);
	}

	/** Runs the work with this thread's clock {@code days} days back. */
	static <T> T daysBack(int days, Supplier<T> work) {
		long[] offset = OFFSET.get();
		long before = offset[0];
		offset[0] = -Duration.ofDays(days).toMillis();
		try {
			return work.get();
		}
		finally {
			offset[0] = before;
		}
	}

}
