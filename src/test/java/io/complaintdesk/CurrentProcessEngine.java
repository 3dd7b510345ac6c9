package io.complaintdesk;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.support.AbstractTestExecutionListener;

/**
 * Test-only: Spring keeps several test application contexts alive in one JVM, and each registers
 * its engine JVM-wide as "default", the latest winning. Engine REST finds its engine there, so
 * without this a REST call of one test class could run on another context's engine (without the
 * caller's authentication). Before every test the engine of the test's own context is registered
 * again. In a deployed desk there is one engine per JVM.
 */
public class CurrentProcessEngine extends AbstractTestExecutionListener {

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (!testContext.hasApplicationContext()) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		context.getBeanProvider(ProcessEngine.class).ifAvailable(ProcessEngines::registerProcessEngine);
	}

	@Override
	public int getOrder() {
		return LOWEST_PRECEDENCE;
	}

}
