package io.complaintdesk.complaint;

import java.util.function.Supplier;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import org.camunda.bpm.engine.ManagementService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The complaint desk's metrics at {@code /actuator/prometheus}: complaints registered (by level
 * and channel), open complaints by level, deadline breaches, callbacks, upgrades, and the job
 * executor's backlog. Counters count committed work only: an increment inside a transaction
 * happens when it commits, so a rolled-back step is not counted.
 */
@Component
public class ComplaintMetrics {

	private final MeterRegistry registry;

	ComplaintMetrics(MeterRegistry registry, ComplaintRegistry complaints, ManagementService management) {
		this.registry = registry;
		for (int level = 1; level <= ComplaintLevels.HIGHEST; level++) {
			int l = level;
			gauge("complaints.open", "Open complaints by level", () -> complaints.countOpenAtLevel(l),
					"level", String.valueOf(level));
		}
		gauge("camunda.jobs.executable", "Jobs due and waiting for the job executor",
				() -> management.createJobQuery().executable().count());
		gauge("camunda.jobs.failed", "Jobs out of retries (incidents)",
				() -> management.createJobQuery().noRetriesLeft().count());
	}

	public void registered(int level, String channel) {
		count("complaints.registered", "Complaints registered", "level", String.valueOf(level), "channel", channel);
	}

	public void deadlineBreached(String rule) {
		count("complaints.deadline.breaches", "Missed deadlines", "rule", rule);
	}

	public void callback(String result) {
		count("complaints.callbacks", "Callback attempts by result", "result", result);
	}

	public void upgraded(int toLevel) {
		count("complaints.upgrades", "Satisfaction upgrades", "level", String.valueOf(toLevel));
	}

	private void count(String name, String description, String... tags) {
		Counter counter = Counter.builder(name).description(description).tags(tags).register(this.registry);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

				@Override
				public void afterCommit() {
					counter.increment();
				}

			});
		}
		else {
			counter.increment();
		}
	}

	private void gauge(String name, String description, Supplier<Long> value, String... tags) {
		Gauge.builder(name, () -> {
			Long current = value.get();
			return (current != null) ? current : 0;
		}).description(description).tags(tags).register(this.registry);
	}

}
