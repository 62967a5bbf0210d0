using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hromada.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class LetterGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "AnnouncementId",
                table: "Letters",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Audience",
                table: "Letters",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "AuthorCategoryId",
                table: "Announcements",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SettlementId",
                table: "Announcements",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AnnouncementId",
                table: "Letters");

            migrationBuilder.DropColumn(
                name: "Audience",
                table: "Letters");

            migrationBuilder.DropColumn(
                name: "AuthorCategoryId",
                table: "Announcements");

            migrationBuilder.DropColumn(
                name: "SettlementId",
                table: "Announcements");
        }
    }
}
