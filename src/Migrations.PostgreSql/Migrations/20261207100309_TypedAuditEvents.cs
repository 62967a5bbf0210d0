using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hromada.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class TypedAuditEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Kind",
                table: "AuditEntries",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Version",
                table: "AuditEntries",
                type: "integer",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Kind",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "AuditEntries");
        }
    }
}
