using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hromada.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class OutboxLanguage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "OutboxMessages",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            // Messages still to send were written before the language went with them: give them their resident's, as the
            // senders used to look it up (the rest are sent; a row without one is rendered in the hromada's default).
            migrationBuilder.Sql(
                "UPDATE \"OutboxMessages\" SET \"Language\" = (SELECT r.\"Language\" FROM \"Residents\" r WHERE r.\"Id\" = \"OutboxMessages\".\"ResidentId\") " +
                "WHERE \"ResidentId\" IS NOT NULL AND \"Status\" IN ('Pending', 'Held');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Language",
                table: "OutboxMessages");
        }
    }
}
