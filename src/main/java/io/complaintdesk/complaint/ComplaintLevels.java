package io.complaintdesk.complaint;

import org.springframework.stereotype.Component;

/**
 * The complaint levels of POLICY §4 (一级, 二级, 三级): the one place that knows the highest.
 * The model asks it ({@code ${complaintLevels.isHighest(level)}}) where a dissatisfied customer
 * either raises the case a level or takes it to the general manager's meeting.
 */
@Component("complaintLevels")
public class ComplaintLevels {

	public static final int HIGHEST = 3;

	public boolean isHighest(int level) {
		return level >= HIGHEST;
	}

}
