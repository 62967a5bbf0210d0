using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hromada.Migrations.PostgreSql.Migrations
{
    /// <summary>
    /// The pace of pushes shared by every instance on this database: per channel the next free send slot (UTC ticks),
    /// moved past the slots an instance takes in one statement (Core's <c>PostgreSqlPushPace</c>). Raw SQL only: the EF
    /// model does not know the table, and SQLite (one instance) has none.
    /// </summary>
    public partial class SharedPushPace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE TABLE "PushPaces" (
                    "Channel" character varying(20) NOT NULL,
                    "NextSlot" bigint NOT NULL,
                    CONSTRAINT "PK_PushPaces" PRIMARY KEY ("Channel"));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "PushPaces";""");
        }
    }
}
