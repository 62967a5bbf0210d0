using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hromada.Core.Storage.Migrations
{
    /// <summary>
    /// The OutboxMessages table is in the model (and the snapshot) but no migration on main creates it: the Outbox
    /// migration was folded into OutboxAndResidence, which was generated after the snapshot already had the table. This
    /// creates it only where it is missing (IF NOT EXISTS), so it is harmless next to a fix of the lead's own; delete it
    /// when main's migrations create the table. Same columns and indexes as the model.
    /// </summary>
    public partial class OutboxTableMissingOnMain : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE IF NOT EXISTS "OutboxMessages" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_OutboxMessages" PRIMARY KEY AUTOINCREMENT,
                    "Channel" TEXT NOT NULL,
                    "Recipient" TEXT NOT NULL,
                    "IsPublicPost" INTEGER NOT NULL,
                    "Purpose" TEXT NOT NULL,
                    "Payload" TEXT NOT NULL,
                    "ResidentId" INTEGER NULL,
                    "InboxItemId" INTEGER NULL,
                    "ProposalId" INTEGER NULL,
                    "AnnouncementId" INTEGER NULL,
                    "Status" TEXT NOT NULL,
                    "CreatedAt" TEXT NOT NULL,
                    "NextAttemptAt" TEXT NOT NULL,
                    "Attempts" INTEGER NOT NULL,
                    "LeaseOwner" TEXT NULL,
                    "LeaseUntil" TEXT NULL,
                    "CompletedAt" TEXT NULL,
                    "LastError" TEXT NULL
                );
                """);
            migrationBuilder.Sql("""CREATE INDEX IF NOT EXISTS "IX_OutboxMessages_AnnouncementId_Status" ON "OutboxMessages" ("AnnouncementId", "Status");""");
            migrationBuilder.Sql("""CREATE INDEX IF NOT EXISTS "IX_OutboxMessages_Channel_Recipient_Status" ON "OutboxMessages" ("Channel", "Recipient", "Status");""");
            migrationBuilder.Sql("""CREATE INDEX IF NOT EXISTS "IX_OutboxMessages_ProposalId" ON "OutboxMessages" ("ProposalId");""");
            migrationBuilder.Sql("""CREATE INDEX IF NOT EXISTS "IX_OutboxMessages_ResidentId_Status" ON "OutboxMessages" ("ResidentId", "Status");""");
            migrationBuilder.Sql("""CREATE INDEX IF NOT EXISTS "IX_OutboxMessages_Status_NextAttemptAt" ON "OutboxMessages" ("Status", "NextAttemptAt");""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Left in place: the table belongs to the outbox, whichever migration ends up creating it.
        }
    }
}
