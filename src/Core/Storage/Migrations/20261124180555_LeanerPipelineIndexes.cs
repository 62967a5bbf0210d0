using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hromada.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class LeanerPipelineIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_AnnouncementId_Status",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Channel_Recipient_Status",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_CompletedAt",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_ProposalId",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Status_NextAttemptAt",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_InboxItems_Channel_SenderKey_Status",
                table: "InboxItems");

            migrationBuilder.DropIndex(
                name: "IX_InboxItems_ReceivedAt",
                table: "InboxItems");

            migrationBuilder.DropIndex(
                name: "IX_InboxItems_Status_NextAttemptAt",
                table: "InboxItems");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_AnnouncementId_Status",
                table: "OutboxMessages",
                columns: new[] { "AnnouncementId", "Status" },
                filter: "\"AnnouncementId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Channel_Recipient",
                table: "OutboxMessages",
                columns: new[] { "Channel", "Recipient" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Failed",
                table: "OutboxMessages",
                column: "CompletedAt",
                filter: "\"Status\" = 'Failed'");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Pending",
                table: "OutboxMessages",
                column: "NextAttemptAt",
                filter: "\"Status\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ProposalId",
                table: "OutboxMessages",
                column: "ProposalId",
                filter: "\"ProposalId\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_InboxItems_Channel_SenderKey",
                table: "InboxItems",
                columns: new[] { "Channel", "SenderKey" });

            migrationBuilder.CreateIndex(
                name: "IX_InboxItems_Pending",
                table: "InboxItems",
                column: "Id",
                filter: "\"Status\" = 'Pending'");

            migrationBuilder.CreateIndex(
                name: "IX_InboxItems_SetAside",
                table: "InboxItems",
                column: "ProcessedAt",
                filter: "\"Status\" = 'SetAside'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_AnnouncementId_Status",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Channel_Recipient",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Failed",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_Pending",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_ProposalId",
                table: "OutboxMessages");

            migrationBuilder.DropIndex(
                name: "IX_InboxItems_Channel_SenderKey",
                table: "InboxItems");

            migrationBuilder.DropIndex(
                name: "IX_InboxItems_Pending",
                table: "InboxItems");

            migrationBuilder.DropIndex(
                name: "IX_InboxItems_SetAside",
                table: "InboxItems");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_AnnouncementId_Status",
                table: "OutboxMessages",
                columns: new[] { "AnnouncementId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Channel_Recipient_Status",
                table: "OutboxMessages",
                columns: new[] { "Channel", "Recipient", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_CompletedAt",
                table: "OutboxMessages",
                column: "CompletedAt");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ProposalId",
                table: "OutboxMessages",
                column: "ProposalId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_Status_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_InboxItems_Channel_SenderKey_Status",
                table: "InboxItems",
                columns: new[] { "Channel", "SenderKey", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_InboxItems_ReceivedAt",
                table: "InboxItems",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_InboxItems_Status_NextAttemptAt",
                table: "InboxItems",
                columns: new[] { "Status", "NextAttemptAt" });
        }
    }
}
