-- The complaint desk's own tables, next to Camunda's ACT_* tables (POLICY §2, §5, §6).
-- Portable SQL: runs unchanged on H2 and PostgreSQL.

-- one counter row per day; case numbers CMP-YYYYMMDD-NNNN come from it
CREATE TABLE case_number_sequence (
    case_day   DATE    NOT NULL PRIMARY KEY,
    last_value INTEGER NOT NULL
);

-- the complaint registry: one row per case, written in the same transaction as the process step
CREATE TABLE complaint (
    case_number          VARCHAR(32)    NOT NULL PRIMARY KEY,
    process_instance_id  VARCHAR(64)    NOT NULL,
    received_at          TIMESTAMP      NOT NULL,
    registered_by        VARCHAR(64),
    channel              VARCHAR(20)    NOT NULL,
    complainant_type     VARCHAR(20)    NOT NULL,
    category             VARCHAR(30)    NOT NULL,
    customer_id          VARCHAR(64),
    customer_name        VARCHAR(200)   NOT NULL,
    contact_phone        VARCHAR(40)    NOT NULL,
    description          VARCHAR(4000)  NOT NULL,
    demand               VARCHAR(20)    NOT NULL,
    claim_amount         DECIMAL(14, 2),
    product_code         VARCHAR(64),
    store_code           VARCHAR(64),
    accused_employee     VARCHAR(64),
    related_case_number  VARCHAR(32),
    complaint_level      INTEGER        NOT NULL,
    major                BOOLEAN        NOT NULL,
    current_round        INTEGER        NOT NULL,
    valid                BOOLEAN,
    verification_note    VARCHAR(4000),
    verified_by          VARCHAR(64),
    verified_at          TIMESTAMP,
    status               VARCHAR(20)    NOT NULL,
    outcome              VARCHAR(30),
    final_decision       VARCHAR(4000),
    archived_by          VARCHAR(64),
    closed_at            TIMESTAMP
);

CREATE INDEX complaint_status_received_idx ON complaint (status, received_at);
CREATE INDEX complaint_customer_idx ON complaint (customer_id);
CREATE UNIQUE INDEX complaint_process_instance_idx ON complaint (process_instance_id);

-- one row per handling round; a satisfaction upgrade adds a round and keeps the earlier ones
CREATE TABLE complaint_round (
    case_number            VARCHAR(32)    NOT NULL REFERENCES complaint (case_number),
    round_no               INTEGER        NOT NULL,
    complaint_level        INTEGER        NOT NULL,
    major                  BOOLEAN        NOT NULL,
    handler_group          VARCHAR(64)    NOT NULL,
    reviewer_group         VARCHAR(64)    NOT NULL,
    callback_group         VARCHAR(64)    NOT NULL,
    started_at             TIMESTAMP      NOT NULL,
    handled_by             VARCHAR(64),
    handled_at             TIMESTAMP,
    resolution             VARCHAR(4000),
    compensation_amount    DECIMAL(14, 2),
    company_at_fault       BOOLEAN,
    approver_group         VARCHAR(64),
    compensation_approved  BOOLEAN,
    approved_by            VARCHAR(64),
    review_approved        BOOLEAN,
    review_comment         VARCHAR(4000),
    reviewed_by            VARCHAR(64),
    rework_count           INTEGER        DEFAULT 0 NOT NULL,
    callback_attempts      INTEGER        DEFAULT 0 NOT NULL,
    reached                BOOLEAN,
    satisfaction           INTEGER,
    callback_mode          VARCHAR(10),
    callback_note          VARCHAR(4000),
    called_back_by         VARCHAR(64),
    called_back_at         TIMESTAMP,
    PRIMARY KEY (case_number, round_no)
);
