package io.complaintdesk.system;

import io.complaintdesk.base.Groups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo profile's users and groups (CONTRACT "Demo users"); created once, left alone on later
 * starts. Their Tasklist filters come from {@link TasklistFilters}, as in every profile. The {@code demo} administrator comes from
 * {@code camunda.bpm.admin-user}. Never active outside the demo profile.
 */
@Component
@Profile("demo")
class DemoData {

	private static final Map<String, String> GROUPS = new LinkedHashMap<>();

	private static final Map<String, List<String>> USERS = new LinkedHashMap<>();

	static {
		GROUPS.put(Groups.AGENTS, "客服专员（一级受理人）");
		GROUPS.put(Groups.SUPERVISORS, "客服主管（二级受理人）");
		GROUPS.put(Groups.DIRECTORS, "总监（三级受理人）");
		GROUPS.put(Groups.GM, "总经理");
		GROUPS.put(Groups.CLERKS, "事务文员");
		GROUPS.put(Groups.BRAND_LEGAL, "品牌事业部、法务部");
		USERS.put("agent1", List.of(Groups.AGENTS));
		USERS.put("agent2", List.of(Groups.AGENTS));
		USERS.put("super1", List.of(Groups.SUPERVISORS));
		USERS.put("director1", List.of(Groups.DIRECTORS));
		USERS.put("gm1", List.of(Groups.GM));
		USERS.put("clerk1", List.of(Groups.CLERKS));
		USERS.put("legal1", List.of(Groups.BRAND_LEGAL));
		USERS.put("monitor", List.of(Groups.MONITORING));
	}

	/** The demo profile's users; each has its id as password (CONTRACT), so production refuses them. */
	static java.util.Set<String> userIds() {
		return java.util.Collections.unmodifiableSet(USERS.keySet());
	}

	private final IdentityService identity;

	DemoData(IdentityService identity) {
		this.identity = identity;
	}

	@Order(2)
	@EventListener(ApplicationStartedEvent.class)
	void create() {
		GROUPS.forEach(this::group);
		group(Groups.MONITORING, "监控（读取 /actuator/prometheus）");
		USERS.forEach(this::user);
	}

	private void group(String id, String name) {
		if (this.identity.createGroupQuery().groupId(id).count() == 0) {
			Group group = this.identity.newGroup(id);
			group.setName(name);
			group.setType("WORKFLOW");
			this.identity.saveGroup(group);
		}
	}

	private void user(String id, List<String> groups) {
		if (this.identity.createUserQuery().userId(id).count() > 0) {
			return;
		}
		User user = this.identity.newUser(id);
		user.setFirstName(id);
		user.setLastName("（演示）");
		user.setPassword(id);
		user.setEmail(id + "@complaint-desk.example");
		this.identity.saveUser(user);
		groups.forEach((group) -> this.identity.createMembership(id, group));
	}

}
