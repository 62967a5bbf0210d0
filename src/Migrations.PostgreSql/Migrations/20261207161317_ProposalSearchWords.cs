using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hromada.Migrations.PostgreSql.Migrations
{
    /// <summary>
    /// PostgreSQL's full-text index for "similar proposals" (where SQLite has its FTS5 table): GIN over the proposals'
    /// search text with the <c>simple</c> configuration (words as written, lower case), which the prefix queries of
    /// Core's <c>SimilarProposals</c> use. An expression index: nothing to keep in step by hand. Raw SQL only: the EF
    /// model does not know it.
    /// </summary>
    public partial class ProposalSearchWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE INDEX "IX_Proposals_SearchWords" ON "Proposals" USING gin (to_tsvector('simple', "SearchText"));
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP INDEX IF EXISTS "IX_Proposals_SearchWords";""");
        }
    }
}
