using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hromada.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class CatalogShortLabelsAndExclusiveGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ShortLabel",
                table: "Topics",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShortLabel",
                table: "StarostaDistricts",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShortLabel",
                table: "Spheres",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "IsExclusive",
                table: "SocialGroups",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ShortLabel",
                table: "SocialGroups",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShortLabel",
                table: "Settlements",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShortLabel",
                table: "ReviewBodies",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShortLabel",
                table: "BusinessKinds",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShortLabel",
                table: "AuthorCategories",
                type: "TEXT",
                maxLength: 40,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ShortLabel",
                table: "Topics");

            migrationBuilder.DropColumn(
                name: "ShortLabel",
                table: "StarostaDistricts");

            migrationBuilder.DropColumn(
                name: "ShortLabel",
                table: "Spheres");

            migrationBuilder.DropColumn(
                name: "IsExclusive",
                table: "SocialGroups");

            migrationBuilder.DropColumn(
                name: "ShortLabel",
                table: "SocialGroups");

            migrationBuilder.DropColumn(
                name: "ShortLabel",
                table: "Settlements");

            migrationBuilder.DropColumn(
                name: "ShortLabel",
                table: "ReviewBodies");

            migrationBuilder.DropColumn(
                name: "ShortLabel",
                table: "BusinessKinds");

            migrationBuilder.DropColumn(
                name: "ShortLabel",
                table: "AuthorCategories");
        }
    }
}
