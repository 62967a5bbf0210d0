using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hromada.Core.Storage.Migrations
{
    /// <inheritdoc />
    public partial class OutboxAndResidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ResidenceSettlementId",
                table: "Residents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ResidenceSettlementId",
                table: "Proposals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Proposals_ResidenceSettlementId",
                table: "Proposals",
                column: "ResidenceSettlementId");

            migrationBuilder.AddForeignKey(
                name: "FK_Proposals_Settlements_ResidenceSettlementId",
                table: "Proposals",
                column: "ResidenceSettlementId",
                principalTable: "Settlements",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Proposals_Settlements_ResidenceSettlementId",
                table: "Proposals");

            migrationBuilder.DropIndex(
                name: "IX_Proposals_ResidenceSettlementId",
                table: "Proposals");

            migrationBuilder.DropColumn(
                name: "ResidenceSettlementId",
                table: "Residents");

            migrationBuilder.DropColumn(
                name: "ResidenceSettlementId",
                table: "Proposals");
        }
    }
}
