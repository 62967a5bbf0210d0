using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hromada.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class DataProtectionKeysPackage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The table becomes Microsoft.AspNetCore.DataProtection.EntityFrameworkCore's: same name, Id, FriendlyName and
            // Xml, so the keys stored so far stay and everyone stays signed in. StoredAt goes: the package does not write it,
            // and each key's XML keeps the same moment as its <creationDate> (a revocation as its <revocationDate>).
            migrationBuilder.DropColumn(
                name: "StoredAt",
                table: "DataProtectionKeys");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "StoredAt",
                table: "DataProtectionKeys",
                type: "TEXT",
                nullable: false,
                defaultValue: "");
        }
    }
}
