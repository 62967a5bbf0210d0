using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hromada.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class ReviewBodyNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "ContactsSetOnPage",
                table: "ReviewBodies",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Emails",
                table: "ReviewBodies",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TelegramChat",
                table: "ReviewBodies",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NotifiedAt",
                table: "ProposalRoutes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OverdueNotifiedAt",
                table: "ProposalRoutes",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RemindedAt",
                table: "ProposalRoutes",
                type: "TEXT",
                nullable: true);

            // Routes made before bodies were told count as told, so the first check does not tell of old routings.
            migrationBuilder.Sql("UPDATE \"ProposalRoutes\" SET \"NotifiedAt\" = \"RoutedAt\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ContactsSetOnPage",
                table: "ReviewBodies");

            migrationBuilder.DropColumn(
                name: "Emails",
                table: "ReviewBodies");

            migrationBuilder.DropColumn(
                name: "TelegramChat",
                table: "ReviewBodies");

            migrationBuilder.DropColumn(
                name: "NotifiedAt",
                table: "ProposalRoutes");

            migrationBuilder.DropColumn(
                name: "OverdueNotifiedAt",
                table: "ProposalRoutes");

            migrationBuilder.DropColumn(
                name: "RemindedAt",
                table: "ProposalRoutes");
        }
    }
}
