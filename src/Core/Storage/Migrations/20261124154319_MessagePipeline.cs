using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hromada.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class MessagePipeline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "EraseOnCompletion",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "PartsSent",
                table: "OutboxMessages",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ReplyContext",
                table: "OutboxMessages",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NextAttemptAt",
                table: "InboxItems",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SenderKey",
                table: "InboxItems",
                type: "TEXT",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "InboxItems",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "PagedMenus",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PagedMenus", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "SenderLeases",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", maxLength: 220, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ExpiresAt = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SenderLeases", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_CompletedAt",
                table: "OutboxMessages",
                column: "CompletedAt");

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

            migrationBuilder.CreateIndex(
                name: "IX_PagedMenus_CreatedAt",
                table: "PagedMenus",
                column: "CreatedAt");

            // Existing rows into the pipeline's shape: inbox status and sender, Messenger's paged lists into their own
            // table, replies that were stored but never sent and every decision notice into the outbox.
            migrationBuilder.Sql("""
                UPDATE InboxItems SET
                    Status = CASE WHEN ProcessedAt IS NULL THEN 'Pending' ELSE 'Done' END,
                    NextAttemptAt = ReceivedAt,
                    SenderKey = COALESCE(CASE Channel
                        WHEN 'Telegram' THEN COALESCE(
                            json_extract(Payload, '$.message.chat.id'), json_extract(Payload, '$.callback_query.message.chat.id'),
                            json_extract(Payload, '$.my_chat_member.chat.id'), json_extract(Payload, '$.edited_message.chat.id'))
                        WHEN 'Messenger' THEN json_extract(Payload, '$.sender.id')
                    END, '')
                WHERE json_valid(Payload);
                UPDATE InboxItems SET Status = CASE WHEN ProcessedAt IS NULL THEN 'Pending' ELSE 'Done' END, NextAttemptAt = ReceivedAt
                WHERE Status = '';
                INSERT OR IGNORE INTO PagedMenus (Key, Payload, CreatedAt)
                    SELECT substr(ExternalId, 6), Payload, ReceivedAt FROM InboxItems WHERE Channel = 'Messenger' AND ExternalId LIKE 'menu:%';
                DELETE FROM InboxItems WHERE Channel = 'Messenger' AND ExternalId LIKE 'menu:%';
                INSERT INTO OutboxMessages (Channel, Recipient, IsPublicPost, Purpose, Payload, InboxItemId, Status, CreatedAt, NextAttemptAt, Attempts, PartsSent, EraseOnCompletion)
                    SELECT Channel, SenderKey, 0, 'Reply', Reply, Id, 'Pending', ReceivedAt, ReceivedAt, 0, 0, 0
                    FROM InboxItems WHERE Reply IS NOT NULL AND ProcessedAt IS NULL AND SenderKey <> '';
                UPDATE InboxItems SET Status = 'Done', ProcessedAt = ReceivedAt WHERE Reply IS NOT NULL AND ProcessedAt IS NULL AND SenderKey <> '';
                INSERT INTO OutboxMessages (Channel, Recipient, IsPublicPost, Purpose, Payload, ResidentId, ProposalId, Status, CreatedAt, NextAttemptAt,
                        Attempts, PartsSent, EraseOnCompletion, CompletedAt, LastError)
                    SELECT n.Channel, r.ChannelUserId, 0, 'Notice',
                        json_array(json_object('text', n.Text, 'choices', json('[]'), 'requestContact', json('false'))),
                        n.ResidentId, n.ProposalId,
                        CASE WHEN n.DeliveredAt IS NOT NULL THEN 'Sent' WHEN n.HeldReason IS NOT NULL THEN 'Held' ELSE 'Pending' END,
                        n.CreatedAt, n.CreatedAt, n.Attempts, 0, 0, n.DeliveredAt, n.HeldReason
                    FROM OutboundNotices n JOIN Residents r ON r.Id = n.ResidentId
                    ORDER BY n.Id;
                """);

            migrationBuilder.DropTable(
                name: "OutboundNotices");

            migrationBuilder.DropIndex(
                name: "IX_InboxItems_ProcessedAt",
                table: "InboxItems");

            migrationBuilder.DropColumn(
                name: "Reply",
                table: "InboxItems");

            migrationBuilder.AddForeignKey(
                name: "FK_OutboxMessages_Residents_ResidentId",
                table: "OutboxMessages",
                column: "ResidentId",
                principalTable: "Residents",
                principalColumn: "Id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_OutboxMessages_Residents_ResidentId",
                table: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "PagedMenus");

            migrationBuilder.DropTable(
                name: "SenderLeases");

            migrationBuilder.DropIndex(
                name: "IX_OutboxMessages_CompletedAt",
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

            migrationBuilder.DropColumn(
                name: "EraseOnCompletion",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "PartsSent",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "ReplyContext",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "InboxItems");

            migrationBuilder.DropColumn(
                name: "SenderKey",
                table: "InboxItems");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "InboxItems");

            migrationBuilder.AddColumn<string>(
                name: "Reply",
                table: "InboxItems",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "OutboundNotices",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<string>(type: "TEXT", nullable: false),
                    DeliveredAt = table.Column<string>(type: "TEXT", nullable: true),
                    HeldReason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    LastAttemptAt = table.Column<string>(type: "TEXT", nullable: true),
                    ProposalId = table.Column<int>(type: "INTEGER", nullable: true),
                    ResidentId = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboundNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OutboundNotices_Residents_ResidentId",
                        column: x => x.ResidentId,
                        principalTable: "Residents",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_InboxItems_ProcessedAt",
                table: "InboxItems",
                column: "ProcessedAt");

            migrationBuilder.CreateIndex(
                name: "IX_OutboundNotices_ResidentId_DeliveredAt",
                table: "OutboundNotices",
                columns: new[] { "ResidentId", "DeliveredAt" });
        }
    }
}
