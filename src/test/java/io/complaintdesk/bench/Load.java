package io.complaintdesk.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one operation many times on a number of threads: first a warm-up, then a measured
 * stretch of a fixed number of operations shared by the threads; reports the rate and the
 * latencies of the measured operations.
 */
final class Load {

	/** One operation; {@code i} counts from 0 over warm-up and measurement. */
	@FunctionalInterface
	interface Operation {

		void run(int i) throws Exception;

	}

	/** The rate of a measured stretch and its latencies (milliseconds). */
	record Figure(int threads, int operations, double seconds, double[] latenciesMillis) {

		double perSecond() {
			return this.operations / this.seconds;
		}

		double median() {
			return percentile(0.50);
		}

		double p95() {
			return percentile(0.95);
		}

		private double percentile(double p) {
			double[] sorted = this.latenciesMillis.clone();
			Arrays.sort(sorted);
			int index = (int) Math.ceil(p * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(index, sorted.length - 1))];
		}

	}

	private final AtomicInteger sequence = new AtomicInteger();

	/** Warms up with {@code warmup} operations, then measures {@code operations} on {@code threads} threads. */
	Figure measure(int threads, int warmup, int operations, Operation operation) {
		if (warmup > 0) {
			run(threads, warmup, operation);
		}
		return run(threads, operations, operation);
	}

	private Figure run(int threads, int operations, Operation operation) {
		AtomicInteger claimed = new AtomicInteger();
		double[] latencies = new double[operations];
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			long start = System.nanoTime();
			List<Future<?>> workers = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				workers.add(executor.submit(() -> {
					for (int slot = claimed.getAndIncrement(); slot < operations; slot = claimed.getAndIncrement()) {
						long begin = System.nanoTime();
						operation.run(this.sequence.getAndIncrement());
						latencies[slot] = (System.nanoTime() - begin) / 1e6;
					}
					return null;
				}));
			}
			for (Future<?> worker : workers) {
				worker.get();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			return new Figure(threads, operations, seconds, latencies);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		catch (java.util.concurrent.ExecutionException ex) {
			throw new IllegalStateException("benchmark operation failed", ex.getCause());
		}
		finally {
			executor.shutdownNow();
		}
	}

}
