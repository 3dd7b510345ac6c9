-- The desk no longer writes authorizations per task or per case (README "Who may read a case"):
-- reading and working the desk's processes is granted per group and process definition, the
-- employee a case is about is kept out by tenants. The rows the earlier versions wrote per task
-- (resource 7 TASK) and per case (resource 8 PROCESS_INSTANCE) are removed here once; each was
-- joined by every authorized task query, so they made the queue slower with every open case.
DELETE FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_TYPE_ = 7 AND RESOURCE_ID_ <> '*';
DELETE FROM ACT_RU_AUTHORIZATION WHERE RESOURCE_TYPE_ = 8 AND RESOURCE_ID_ <> '*';
