package io.complaintdesk.engine;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.camunda.bpm.engine.impl.persistence.entity.JobManager;
import org.camunda.bpm.engine.impl.persistence.entity.SuspensionState;
import org.camunda.bpm.engine.impl.persistence.entity.TimerEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * A timer created while its case waits for the customer is created suspended, like the timers the
 * pause suspended: completing a task during a pause (the next task's solution or callback timer,
 * a progress contact) must not start a clock that then fires while the clocks stand still.
 * <p>
 * Every job the engine creates passes {@link JobManager#insertJob}; this plugin puts its own
 * {@code JobManager} in the engine's place (a custom session factory of that type) and, for a timer
 * of an instance {@link CaseClocks#stopped} names, sets the suspension state before the job is
 * written, in the same transaction. Resuming the case activates it and moves its due date with the
 * others ({@code complaint.casefile.WaitingForCustomer}). Only timers: async continuations and
 * messages run as usual.
 */
@Component
class PausedTimersPlugin extends AbstractProcessEnginePlugin {

	private final ObjectProvider<CaseClocks> clocks;

	PausedTimersPlugin(ObjectProvider<CaseClocks> clocks) {
		this.clocks = clocks;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		List<SessionFactory> factories = configuration.getCustomSessionFactories();
		if (factories == null) {
			factories = new ArrayList<>();
			configuration.setCustomSessionFactories(factories);
		}
		factories.add(new SessionFactory() {

			@Override
			public Class<?> getSessionType() {
				return JobManager.class;
			}

			@Override
			public Session openSession() {
				return new PausedTimersJobManager();
			}

		});
	}

	private boolean stopped(JobEntity job) {
		if (!(job instanceof TimerEntity) || job.getSuspensionState() != SuspensionState.ACTIVE.getStateCode()) {
			return false;
		}
		ExecutionEntity execution = job.getExecution();
		CaseClocks caseClocks = this.clocks.getIfAvailable();
		if (execution == null || caseClocks == null) {
			return false;
		}
		ExecutionEntity instance = execution.getProcessInstance();
		String businessKey = (instance != null) ? instance.getBusinessKey() : null;
		return businessKey != null && caseClocks.stopped(execution.getProcessDefinition().getKey(), businessKey);
	}

	private final class PausedTimersJobManager extends JobManager {

		@Override
		public void insertJob(JobEntity job) {
			if (stopped(job)) {
				job.setSuspensionState(SuspensionState.SUSPENDED.getStateCode());
			}
			super.insertJob(job);
		}

	}

}
