using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hromada.Core.Storage.Migrations
{
    /// <summary>
    /// Quartz.NET's own SQLite schema (version 4.7.3, the package this project pins), so the announcement scheduler keeps
    /// its schedules in the same database file. Only Quartz's tables: no model change belongs here. The statements are
    /// Quartz's creation script for SQLite as that package embeds it (the same tables as database/tables/tables_sqlite.sql
    /// in the Quartz.NET repository at that version, without the script's DROP statements), with the table prefix QRTZ_.
    /// Upgrading Quartz past a schema change needs a new migration with the statements from Quartz's database/migrations.
    /// </summary>
    public partial class QuartzScheduler : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS QRTZ_JOB_DETAILS (
                  SCHED_NAME NVARCHAR(120) NOT NULL,
                  JOB_NAME NVARCHAR(150) NOT NULL,
                  JOB_GROUP NVARCHAR(150) NOT NULL,
                  DESCRIPTION NVARCHAR(250) NULL,
                  JOB_CLASS_NAME NVARCHAR(250) NOT NULL,
                  IS_DURABLE BIT NOT NULL,
                  IS_NONCONCURRENT BIT NOT NULL,
                  IS_UPDATE_DATA BIT NOT NULL,
                  REQUESTS_RECOVERY BIT NOT NULL,
                  JOB_DATA BLOB NULL,
                  PRIMARY KEY (SCHED_NAME,JOB_NAME,JOB_GROUP)
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS QRTZ_TRIGGERS (
                  SCHED_NAME NVARCHAR(120) NOT NULL,
                  TRIGGER_NAME NVARCHAR(150) NOT NULL,
                  TRIGGER_GROUP NVARCHAR(150) NOT NULL,
                  JOB_NAME NVARCHAR(150) NOT NULL,
                  JOB_GROUP NVARCHAR(150) NOT NULL,
                  DESCRIPTION NVARCHAR(250) NULL,
                  NEXT_FIRE_TIME BIGINT NULL,
                  PREV_FIRE_TIME BIGINT NULL,
                  PRIORITY INTEGER NULL,
                  TRIGGER_STATE NVARCHAR(16) NOT NULL,
                  TRIGGER_TYPE NVARCHAR(8) NOT NULL,
                  START_TIME BIGINT NOT NULL,
                  END_TIME BIGINT NULL,
                  CALENDAR_NAME NVARCHAR(200) NULL,
                  MISFIRE_INSTR INTEGER NULL,
                  MISFIRE_ORIG_FIRE_TIME INTEGER NULL,
                  EXECUTION_GROUP NVARCHAR(200) NULL,
                  PREFERRED_NODE NVARCHAR(200) NULL,
                  PREFERRED_NODE_AUTO BIT NOT NULL DEFAULT 0,
                  RETRY_POLICY NVARCHAR(250) NULL,
                  RETRY_ATTEMPT INTEGER NULL,
                  CONTINUES_TRIGGER_NAME NVARCHAR(150) NULL,
                  CONTINUES_TRIGGER_GROUP NVARCHAR(150) NULL,
                  CONTINUATION_CONDITION INTEGER NULL,
                  OVERLAP_POLICY INTEGER NULL,
                  PAUSE_REASON NVARCHAR(250) NULL,
                  PAUSED_BY NVARCHAR(200) NULL,
                  PAUSED_AT BIGINT NULL,
                  MISFIRE_THRESHOLD BIGINT NULL,
                  FIXED_DELAY BIT NULL,
                  JOB_DATA BLOB NULL,
                  PRIMARY KEY (SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP),
                  FOREIGN KEY (SCHED_NAME,JOB_NAME,JOB_GROUP) REFERENCES QRTZ_JOB_DETAILS (SCHED_NAME,JOB_NAME,JOB_GROUP)
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS QRTZ_SIMPLE_TRIGGERS (
                  SCHED_NAME NVARCHAR(120) NOT NULL,
                  TRIGGER_NAME NVARCHAR(150) NOT NULL,
                  TRIGGER_GROUP NVARCHAR(150) NOT NULL,
                  REPEAT_COUNT BIGINT NOT NULL,
                  REPEAT_INTERVAL BIGINT NOT NULL,
                  TIMES_TRIGGERED BIGINT NOT NULL,
                  PRIMARY KEY (SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP),
                  FOREIGN KEY (SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP) REFERENCES QRTZ_TRIGGERS (SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP) ON DELETE CASCADE
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS QRTZ_CRON_TRIGGERS (
                  SCHED_NAME NVARCHAR(120) NOT NULL,
                  TRIGGER_NAME NVARCHAR(150) NOT NULL,
                  TRIGGER_GROUP NVARCHAR(150) NOT NULL,
                  CRON_EXPRESSION NVARCHAR(250) NOT NULL,
                  TIME_ZONE_ID NVARCHAR(80),
                  PRIMARY KEY (SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP),
                  FOREIGN KEY (SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP) REFERENCES QRTZ_TRIGGERS (SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP) ON DELETE CASCADE
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS QRTZ_SIMPROP_TRIGGERS (
                  SCHED_NAME NVARCHAR(120) NOT NULL,
                  TRIGGER_NAME NVARCHAR(150) NOT NULL,
                  TRIGGER_GROUP NVARCHAR(150) NOT NULL,
                  STR_PROP_1 NVARCHAR(512) NULL,
                  STR_PROP_2 NVARCHAR(512) NULL,
                  STR_PROP_3 NVARCHAR(512) NULL,
                  INT_PROP_1 INT NULL,
                  INT_PROP_2 INT NULL,
                  LONG_PROP_1 BIGINT NULL,
                  LONG_PROP_2 BIGINT NULL,
                  DEC_PROP_1 NUMERIC NULL,
                  DEC_PROP_2 NUMERIC NULL,
                  BOOL_PROP_1 BIT NULL,
                  BOOL_PROP_2 BIT NULL,
                  TIME_ZONE_ID NVARCHAR(80) NULL,
                  PRIMARY KEY (SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP),
                  FOREIGN KEY (SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP) REFERENCES QRTZ_TRIGGERS (SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP) ON DELETE CASCADE
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS QRTZ_BLOB_TRIGGERS (
                  SCHED_NAME NVARCHAR(120) NOT NULL,
                  TRIGGER_NAME NVARCHAR(150) NOT NULL,
                  TRIGGER_GROUP NVARCHAR(150) NOT NULL,
                  BLOB_DATA BLOB NULL,
                  PRIMARY KEY (SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP),
                  FOREIGN KEY (SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP) REFERENCES QRTZ_TRIGGERS (SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP) ON DELETE CASCADE
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS QRTZ_CALENDARS (
                  SCHED_NAME NVARCHAR(120) NOT NULL,
                  CALENDAR_NAME NVARCHAR(200) NOT NULL,
                  CALENDAR BLOB NOT NULL,
                  PRIMARY KEY (SCHED_NAME,CALENDAR_NAME)
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS QRTZ_PAUSED_TRIGGER_GRPS (
                  SCHED_NAME NVARCHAR(120) NOT NULL,
                  TRIGGER_GROUP NVARCHAR(150) NOT NULL,
                  PAUSE_REASON NVARCHAR(250) NULL,
                  PAUSED_BY NVARCHAR(200) NULL,
                  PAUSED_AT BIGINT NULL,
                  PRIMARY KEY (SCHED_NAME,TRIGGER_GROUP)
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS QRTZ_PAUSED_JOB_GRPS (
                  SCHED_NAME NVARCHAR(120) NOT NULL,
                  JOB_GROUP NVARCHAR(150) NOT NULL,
                  PAUSE_REASON NVARCHAR(250) NULL,
                  PAUSED_BY NVARCHAR(200) NULL,
                  PAUSED_AT BIGINT NULL,
                  PRIMARY KEY (SCHED_NAME,JOB_GROUP)
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS QRTZ_FIRED_TRIGGERS (
                  SCHED_NAME NVARCHAR(120) NOT NULL,
                  ENTRY_ID NVARCHAR(140) NOT NULL,
                  TRIGGER_NAME NVARCHAR(150) NOT NULL,
                  TRIGGER_GROUP NVARCHAR(150) NOT NULL,
                  INSTANCE_NAME NVARCHAR(200) NOT NULL,
                  FIRED_TIME BIGINT NOT NULL,
                  SCHED_TIME BIGINT NOT NULL,
                  PRIORITY INTEGER NOT NULL,
                  STATE NVARCHAR(16) NOT NULL,
                  JOB_NAME NVARCHAR(150) NULL,
                  JOB_GROUP NVARCHAR(150) NULL,
                  IS_NONCONCURRENT BIT NULL,
                  REQUESTS_RECOVERY BIT NULL,
                  EXECUTION_GROUP NVARCHAR(200) NULL,
                  PROGRESS INTEGER NULL,
                  PROGRESS_MESSAGE NVARCHAR(250) NULL,
                  INTERRUPT_REQUESTED_TIME BIGINT NULL,
                  PRIMARY KEY (SCHED_NAME,ENTRY_ID)
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS QRTZ_SCHEDULER_STATE (
                  SCHED_NAME NVARCHAR(120) NOT NULL,
                  INSTANCE_NAME NVARCHAR(200) NOT NULL,
                  LAST_CHECKIN_TIME BIGINT NOT NULL,
                  CHECKIN_INTERVAL BIGINT NOT NULL,
                  QUARTZ_VERSION NVARCHAR(20) NULL,
                  PRIMARY KEY (SCHED_NAME,INSTANCE_NAME)
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS QRTZ_LOCKS (
                  SCHED_NAME NVARCHAR(120) NOT NULL,
                  LOCK_NAME NVARCHAR(40) NOT NULL,
                  PRIMARY KEY (SCHED_NAME,LOCK_NAME)
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS QRTZ_EXECUTION_HISTORY (
                  SCHED_NAME NVARCHAR(120) NOT NULL,
                  ENTRY_ID NVARCHAR(140) NOT NULL,
                  INSTANCE_NAME NVARCHAR(200) NOT NULL,
                  JOB_NAME NVARCHAR(150) NOT NULL,
                  JOB_GROUP NVARCHAR(150) NOT NULL,
                  TRIGGER_NAME NVARCHAR(150) NOT NULL,
                  TRIGGER_GROUP NVARCHAR(150) NOT NULL,
                  FIRED_TIME BIGINT NOT NULL,
                  RUN_TIME BIGINT NOT NULL,
                  SUCCEEDED BIT NOT NULL,
                  ERROR_MESSAGE NVARCHAR(1000) NULL,
                  RETRY_ATTEMPT INTEGER NOT NULL DEFAULT 0,
                  RETRY_SCHEDULED BIT NOT NULL DEFAULT 0,
                  EXECUTION_LOG TEXT NULL,
                  RESULT INTEGER NULL,
                  SUMMARY NVARCHAR(1000) NULL,
                  METRICS TEXT NULL,
                  MANUAL BIT NULL,
                  FIRE_INSTANCE_ID NVARCHAR(140) NULL,
                  JOB_INPUT TEXT NULL,
                  JOB_INPUT_TOO_LARGE BIT NULL,
                  PRIMARY KEY (SCHED_NAME,ENTRY_ID)
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS QRTZ_MISFIRE_HISTORY (
                  SCHED_NAME NVARCHAR(120) NOT NULL,
                  ENTRY_ID NVARCHAR(140) NOT NULL,
                  INSTANCE_NAME NVARCHAR(200) NOT NULL,
                  TRIGGER_NAME NVARCHAR(150) NOT NULL,
                  TRIGGER_GROUP NVARCHAR(150) NOT NULL,
                  JOB_NAME NVARCHAR(150) NULL,
                  JOB_GROUP NVARCHAR(150) NULL,
                  MISFIRE_TIME BIGINT NOT NULL,
                  SCHED_TIME BIGINT NULL,
                  REASON INTEGER NULL,
                  PRIMARY KEY (SCHED_NAME,ENTRY_ID)
                );
                """);

            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS QRTZ_JOB_STATUS (
                  SCHED_NAME NVARCHAR(120) NOT NULL,
                  JOB_GROUP NVARCHAR(150) NOT NULL,
                  JOB_NAME NVARCHAR(150) NOT NULL,
                  FIRST_FIRED_TIME BIGINT NOT NULL,
                  LAST_FIRED_TIME BIGINT NOT NULL,
                  LAST_RESULT INTEGER NOT NULL,
                  LAST_RUN_TIME BIGINT NOT NULL,
                  LAST_INSTANCE_NAME NVARCHAR(200) NOT NULL,
                  LAST_ENTRY_ID NVARCHAR(140) NULL,
                  LAST_SUMMARY NVARCHAR(1000) NULL,
                  LAST_SUCCESS_TIME BIGINT NULL,
                  LAST_FAILURE_TIME BIGINT NULL,
                  LAST_FAILURE_MESSAGE NVARCHAR(1000) NULL,
                  CONSECUTIVE_FAILURES INTEGER NOT NULL DEFAULT 0,
                  RUN_COUNT BIGINT NOT NULL DEFAULT 0,
                  FAILURE_COUNT BIGINT NOT NULL DEFAULT 0,
                  PRIMARY KEY (SCHED_NAME,JOB_GROUP,JOB_NAME)
                );
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER IF NOT EXISTS QRTZ_DELETE_SIMPLE_TRIGGER DELETE ON QRTZ_TRIGGERS
                BEGIN
                  DELETE FROM QRTZ_SIMPLE_TRIGGERS WHERE SCHED_NAME=OLD.SCHED_NAME AND TRIGGER_NAME=OLD.TRIGGER_NAME AND TRIGGER_GROUP=OLD.TRIGGER_GROUP;
                END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER IF NOT EXISTS QRTZ_DELETE_SIMPROP_TRIGGER DELETE ON QRTZ_TRIGGERS
                BEGIN
                  DELETE FROM QRTZ_SIMPROP_TRIGGERS WHERE SCHED_NAME=OLD.SCHED_NAME AND TRIGGER_NAME=OLD.TRIGGER_NAME AND TRIGGER_GROUP=OLD.TRIGGER_GROUP;
                END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER IF NOT EXISTS QRTZ_DELETE_CRON_TRIGGER DELETE ON QRTZ_TRIGGERS
                BEGIN
                  DELETE FROM QRTZ_CRON_TRIGGERS WHERE SCHED_NAME=OLD.SCHED_NAME AND TRIGGER_NAME=OLD.TRIGGER_NAME AND TRIGGER_GROUP=OLD.TRIGGER_GROUP;
                END
                """);

            migrationBuilder.Sql("""
                CREATE TRIGGER IF NOT EXISTS QRTZ_DELETE_BLOB_TRIGGER DELETE ON QRTZ_TRIGGERS
                BEGIN
                  DELETE FROM QRTZ_BLOB_TRIGGERS WHERE SCHED_NAME=OLD.SCHED_NAME AND TRIGGER_NAME=OLD.TRIGGER_NAME AND TRIGGER_GROUP=OLD.TRIGGER_GROUP;
                END
                """);

            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS IDX_QRTZ_J_G_N ON QRTZ_JOB_DETAILS(SCHED_NAME,JOB_GROUP,JOB_NAME);
                """);

            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS IDX_QRTZ_T_J ON QRTZ_TRIGGERS(SCHED_NAME,JOB_NAME,JOB_GROUP);
                """);

            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS IDX_QRTZ_T_G_N ON QRTZ_TRIGGERS(SCHED_NAME,TRIGGER_GROUP,TRIGGER_NAME);
                """);

            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS IDX_QRTZ_T_C ON QRTZ_TRIGGERS(SCHED_NAME,CALENDAR_NAME);
                """);

            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS IDX_QRTZ_T_NFT_ST ON QRTZ_TRIGGERS(SCHED_NAME,TRIGGER_STATE,NEXT_FIRE_TIME ASC,PRIORITY DESC,MISFIRE_INSTR);
                """);

            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS IDX_QRTZ_FT_INST_JOB_REQ_RCVRY ON QRTZ_FIRED_TRIGGERS(SCHED_NAME,INSTANCE_NAME,REQUESTS_RECOVERY);
                """);

            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS IDX_QRTZ_FT_J_G ON QRTZ_FIRED_TRIGGERS(SCHED_NAME,JOB_NAME,JOB_GROUP);
                """);

            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS IDX_QRTZ_FT_T_G ON QRTZ_FIRED_TRIGGERS(SCHED_NAME,TRIGGER_NAME,TRIGGER_GROUP);
                """);

            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS IDX_QRTZ_EH_FIRED_TIME ON QRTZ_EXECUTION_HISTORY(SCHED_NAME,FIRED_TIME);
                """);

            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS IDX_QRTZ_EH_INST ON QRTZ_EXECUTION_HISTORY(SCHED_NAME,INSTANCE_NAME);
                """);

            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS IDX_QRTZ_MH_MISFIRE_TIME ON QRTZ_MISFIRE_HISTORY(SCHED_NAME,MISFIRE_TIME);
                """);

            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS IDX_QRTZ_MH_INST ON QRTZ_MISFIRE_HISTORY(SCHED_NAME,INSTANCE_NAME);
                """);

            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS IDX_QRTZ_EH_JOB_TIME ON QRTZ_EXECUTION_HISTORY(SCHED_NAME,JOB_GROUP,JOB_NAME,FIRED_TIME);
                """);

            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS IDX_QRTZ_EH_FIRE_INST ON QRTZ_EXECUTION_HISTORY(SCHED_NAME,FIRE_INSTANCE_ID);
                """);

            migrationBuilder.Sql("""
                CREATE INDEX IF NOT EXISTS IDX_QRTZ_EH_TRIG_TIME ON QRTZ_EXECUTION_HISTORY(SCHED_NAME,TRIGGER_GROUP,TRIGGER_NAME,FIRED_TIME);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_JOB_STATUS;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_MISFIRE_HISTORY;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_EXECUTION_HISTORY;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_LOCKS;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_SCHEDULER_STATE;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_FIRED_TRIGGERS;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_PAUSED_JOB_GRPS;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_PAUSED_TRIGGER_GRPS;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_CALENDARS;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_BLOB_TRIGGERS;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_SIMPROP_TRIGGERS;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_CRON_TRIGGERS;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_SIMPLE_TRIGGERS;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_TRIGGERS;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS QRTZ_JOB_DETAILS;");
        }
    }
}
