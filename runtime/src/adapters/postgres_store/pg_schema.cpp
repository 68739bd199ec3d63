// The seed §5.3 schema for PostgreSQL. Times are BIGINT milliseconds since the epoch (UTC), the
// same as the SQLite store, so both round-trip values exactly. application_logs, the table that
// grows fastest, is RANGE-partitioned by month on ts; partitions are created on demand by
// devos_ensure_log_partition() (under an advisory lock, so concurrent writers do not race).
// test_runs is not partitioned: test_failures and lint_failures reference run_id with ON DELETE
// CASCADE, and a foreign key needs a unique key that a time-partitioned table cannot give.
#include "pg_schema.hpp"

namespace devos::adapters {
namespace {

constexpr const char* kInitialSchema = R"SQL(
CREATE TABLE application_logs (
  id TEXT NOT NULL, ts BIGINT NOT NULL, source TEXT NOT NULL, kind TEXT NOT NULL, code TEXT,
  message TEXT NOT NULL, trace_id TEXT, tags JSONB NOT NULL DEFAULT '{}', payload TEXT,
  PRIMARY KEY (id, ts)) PARTITION BY RANGE (ts);
CREATE INDEX idx_application_logs_ts ON application_logs (ts DESC);
CREATE FUNCTION devos_ensure_log_partition(ms BIGINT) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  m TIMESTAMP := date_trunc('month', to_timestamp(ms / 1000.0) AT TIME ZONE 'UTC');
  part TEXT := 'application_logs_' || to_char(m, 'YYYY_MM');
BEGIN
  IF to_regclass(part) IS NULL THEN
    PERFORM pg_advisory_xact_lock(hashtext(part));
    EXECUTE format('CREATE TABLE IF NOT EXISTS %I PARTITION OF application_logs FOR VALUES FROM (%s) TO (%s)',
                   part, (extract(epoch FROM m) * 1000)::BIGINT,
                   (extract(epoch FROM m + INTERVAL '1 month') * 1000)::BIGINT);
  END IF;
END $$;
CREATE TABLE test_runs (
  run_id TEXT PRIMARY KEY, started_at BIGINT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('local', 'ci')), repository TEXT, branch TEXT, commit_sha TEXT,
  ci_provider TEXT, ci_job_id TEXT, tool TEXT, total INTEGER NOT NULL DEFAULT 0,
  passed INTEGER NOT NULL DEFAULT 0, failed INTEGER NOT NULL DEFAULT 0, skipped INTEGER NOT NULL DEFAULT 0,
  duration_ms BIGINT NOT NULL DEFAULT 0);
CREATE INDEX idx_test_runs_started ON test_runs (started_at DESC);
CREATE TABLE test_failures (
  failure_id TEXT PRIMARY KEY, run_id TEXT NOT NULL REFERENCES test_runs (run_id) ON DELETE CASCADE,
  ts BIGINT NOT NULL, suite TEXT, test_name TEXT NOT NULL, file TEXT, line INTEGER, message TEXT NOT NULL,
  stack_trace TEXT, pattern_id VARCHAR(64) NOT NULL, duration_ms BIGINT NOT NULL DEFAULT 0);
CREATE INDEX idx_test_failures_run ON test_failures (run_id);
CREATE INDEX idx_test_failures_pattern ON test_failures (pattern_id, ts DESC);
CREATE TABLE lint_failures (
  failure_id TEXT PRIMARY KEY, run_id TEXT NOT NULL REFERENCES test_runs (run_id) ON DELETE CASCADE,
  ts BIGINT NOT NULL, tool TEXT, rule_id TEXT NOT NULL, level TEXT NOT NULL, file TEXT, line INTEGER,
  col INTEGER, message TEXT NOT NULL, pattern_id VARCHAR(64) NOT NULL);
CREATE INDEX idx_lint_failures_run ON lint_failures (run_id);
CREATE TABLE selfheal_proposals (
  proposal_id TEXT PRIMARY KEY, ts BIGINT NOT NULL, pattern_id VARCHAR(64) NOT NULL, trigger_id TEXT NOT NULL,
  status TEXT NOT NULL, description TEXT, risk_score INTEGER, confidence INTEGER, payload JSONB);
CREATE INDEX idx_selfheal_pattern ON selfheal_proposals (pattern_id, ts DESC);
CREATE TABLE trace_spans (
  span_id TEXT PRIMARY KEY, trace_id TEXT NOT NULL, parent_span_id TEXT, name TEXT NOT NULL,
  start_ts BIGINT NOT NULL, end_ts BIGINT, attributes JSONB NOT NULL DEFAULT '{}');
CREATE INDEX idx_trace_spans_trace ON trace_spans (trace_id);
CREATE TABLE metrics_samples (
  sample_id TEXT NOT NULL, ts BIGINT NOT NULL, name TEXT NOT NULL, value DOUBLE PRECISION NOT NULL,
  tags JSONB NOT NULL DEFAULT '{}', PRIMARY KEY (sample_id, ts));
CREATE INDEX idx_metrics_samples_name_ts ON metrics_samples (name, ts DESC);
CREATE TABLE audit_log (
  id BIGSERIAL PRIMARY KEY, ts BIGINT NOT NULL, action TEXT NOT NULL, table_name TEXT NOT NULL,
  row_count BIGINT NOT NULL, subject TEXT);
CREATE INDEX idx_audit_log_ts ON audit_log (ts DESC);
CREATE TABLE embeddings (
  owner_kind TEXT NOT NULL, owner_id TEXT NOT NULL, model TEXT NOT NULL, dims INTEGER NOT NULL,
  vector BYTEA NOT NULL, PRIMARY KEY (owner_kind, owner_id, model));
CREATE INDEX idx_embeddings_model ON embeddings (model);
)SQL";

// Self-heal (issue 11): the names of the tests that passed in each run, the fix memory (one fix per
// fixed failure), and the outcome columns of selfheal_proposals.
constexpr const char* kFixMemory = R"SQL(
CREATE TABLE test_passes (
  run_id TEXT NOT NULL REFERENCES test_runs (run_id) ON DELETE CASCADE, suite TEXT NOT NULL, test_name TEXT NOT NULL,
  PRIMARY KEY (run_id, suite, test_name));
CREATE INDEX idx_test_passes_test ON test_passes (suite, test_name);
CREATE TABLE selfheal_fixes (
  fix_id TEXT PRIMARY KEY, ts BIGINT NOT NULL, source TEXT NOT NULL CHECK (source IN ('history', 'proposal')),
  pattern_id VARCHAR(64) NOT NULL, failure_id TEXT NOT NULL UNIQUE, suite TEXT, test_name TEXT, failing_run_id TEXT,
  fixing_run_id TEXT, failing_commit TEXT, fixing_commit TEXT, diff TEXT NOT NULL,
  diff_truncated BOOLEAN NOT NULL DEFAULT FALSE, proposal_id TEXT);
CREATE INDEX idx_selfheal_fixes_pattern ON selfheal_fixes (pattern_id, ts DESC);
ALTER TABLE selfheal_proposals ADD COLUMN agent TEXT, ADD COLUMN branch TEXT, ADD COLUMN commit_sha TEXT,
  ADD COLUMN bundle TEXT, ADD COLUMN reason TEXT, ADD COLUMN updated_at BIGINT;
CREATE INDEX idx_selfheal_trigger ON selfheal_proposals (trigger_id);
)SQL";

// Incident memory at scale (issue 12): the generation of each model's failure vectors, which a vector
// file kept by a devos client compares with its own. An insert adds 1, a replacement or removal 2^32
// (so "n more" means exactly n new vectors); a model's first generation is random, so a recreated
// database never matches an old file.
constexpr const char* kVectorGenerations = R"SQL(
CREATE TABLE vector_generations (model TEXT PRIMARY KEY, generation BIGINT NOT NULL);
INSERT INTO vector_generations
  SELECT model, floor(random() * 2305843009213693952)::BIGINT FROM embeddings
  WHERE owner_kind IN ('test_failure', 'lint_failure') GROUP BY model;
CREATE FUNCTION devos_bump_vector_generation() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    IF NEW.owner_kind IN ('test_failure', 'lint_failure') THEN
      INSERT INTO vector_generations VALUES (NEW.model, floor(random() * 2305843009213693952)::BIGINT)
        ON CONFLICT (model) DO UPDATE SET generation = vector_generations.generation + 1;
    END IF;
  ELSIF TG_OP = 'UPDATE' THEN
    IF NEW.owner_kind IN ('test_failure', 'lint_failure') OR OLD.owner_kind IN ('test_failure', 'lint_failure') THEN
      UPDATE vector_generations SET generation = generation + 4294967296 WHERE model IN (OLD.model, NEW.model);
    END IF;
  ELSIF OLD.owner_kind IN ('test_failure', 'lint_failure') THEN
    UPDATE vector_generations SET generation = generation + 4294967296 WHERE model = OLD.model;
  END IF;
  RETURN NULL;
END $$;
CREATE TRIGGER embeddings_generation AFTER INSERT OR UPDATE OR DELETE ON embeddings
  FOR EACH ROW EXECUTE FUNCTION devos_bump_vector_generation();
)SQL";

// Self-heal outcomes (issue 13): what became of each proposal and each recorded fix (merged,
// rejected, reverted, recurred), written by devos heal sync.
constexpr const char* kOutcomes = R"SQL(
ALTER TABLE selfheal_proposals ADD COLUMN outcome TEXT NOT NULL DEFAULT 'open', ADD COLUMN merged_at BIGINT, ADD COLUMN merged_commit TEXT, ADD COLUMN reverted_by TEXT, ADD COLUMN recurred_failure_id TEXT, ADD COLUMN outcome_changed_at BIGINT;
ALTER TABLE selfheal_fixes ADD COLUMN outcome TEXT NOT NULL DEFAULT 'open', ADD COLUMN merged_at BIGINT, ADD COLUMN merged_commit TEXT, ADD COLUMN reverted_by TEXT, ADD COLUMN recurred_failure_id TEXT, ADD COLUMN outcome_changed_at BIGINT;
CREATE INDEX idx_selfheal_proposals_outcome ON selfheal_proposals (outcome);
)SQL";

// The self-heal daemon (issue 13): one claim per failure, so each is healed once across restarts
// and daemons; live claims (lease_until in the future) count against concurrency.maxConcurrentProposals.
constexpr const char* kClaims = R"SQL(
CREATE TABLE selfheal_claims (
  failure_id TEXT PRIMARY KEY, daemon_id TEXT NOT NULL, claimed_at BIGINT NOT NULL, lease_until BIGINT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('claimed', 'done')), status TEXT, proposal_id TEXT, finished_at BIGINT);
CREATE INDEX idx_selfheal_claims_live ON selfheal_claims (state, lease_until);
CREATE INDEX idx_test_failures_ts ON test_failures (ts);
)SQL";

// Dashboards (issue 15): devos_grafana, a role that can read every table of the store's schema, now
// and those later migrations add, and write none; Grafana logs in as a user granted it. Creating a
// role needs CREATEROLE: a store user without it gets a notice and no role (an administrator can run
// this block later), never a failed migration.
constexpr const char* kDashboardRole = R"SQL(
DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'devos_grafana') THEN
    IF NOT (SELECT rolsuper OR rolcreaterole FROM pg_roles WHERE rolname = current_user) THEN
      RAISE NOTICE 'devos: role devos_grafana not created (% lacks CREATEROLE); dashboards need it', current_user;
      RETURN;
    END IF;
    CREATE ROLE devos_grafana NOLOGIN;
  END IF;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO devos_grafana', current_schema());
  EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA %I TO devos_grafana', current_schema());
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT ON TABLES TO devos_grafana', current_schema());
END $$;
)SQL";

// Issue 16: the ingest key of a run (logic::ingestKey), unique, so a retried ingest finds its run.
constexpr const char* kIngestKey = R"SQL(
ALTER TABLE test_runs ADD COLUMN ingest_key VARCHAR(64);
CREATE UNIQUE INDEX idx_test_runs_ingest_key ON test_runs (ingest_key) WHERE ingest_key IS NOT NULL;
)SQL";

// Issue 12: how many failure vectors of each model have each rarity term (logic::rarityTerms), and
// under the term '' how many were counted in all; a query's rare words weigh more.
constexpr const char* kFailureTerms = R"SQL(
CREATE TABLE failure_terms (model TEXT NOT NULL, term TEXT NOT NULL, failures BIGINT NOT NULL,
  PRIMARY KEY (model, term));
)SQL";

constexpr PgMigration kMigrations[] = {{1, "initial telemetry schema (seed 5.3)", kInitialSchema},
                                       {2, "self-heal fix memory and attempt outcomes", kFixMemory},
                                       {3, "failure vector generations", kVectorGenerations},
                                       {4, "self-heal outcomes", kOutcomes},
                                       {5, "self-heal daemon claims", kClaims},
                                       {6, "read-only role for dashboards", kDashboardRole},
                                       {7, "ingest key of a run", kIngestKey},
                                       {8, "failure term frequencies", kFailureTerms}};

} // namespace

std::span<const PgMigration> pgMigrations() {
    return kMigrations;
}

} // namespace devos::adapters
