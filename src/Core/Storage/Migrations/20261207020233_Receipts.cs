using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hromada.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class Receipts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PublicTextHiddenReason",
                table: "Proposals",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReceiptCode",
                table: "Proposals",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            // Proposals received before receipts get their code now: 12 random hexadecimal digits each.
            migrationBuilder.Sql("UPDATE Proposals SET ReceiptCode = lower(hex(randomblob(6))) WHERE ReceiptCode = '';");

            migrationBuilder.AddColumn<bool>(
                name: "ResultsPublic",
                table: "Consultations",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PublicTextHiddenReason",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "ReceiptCode",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "ResultsPublic",
                table: "Consultations");
        }
    }
}
