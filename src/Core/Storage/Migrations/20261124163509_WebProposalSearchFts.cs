using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Hromada.Core.Storage.Migrations
{
    /// <summary>
    /// A full-text index of the proposals (SQLite FTS5) for the web page's "similar proposals": an external-content
    /// table over <c>Proposals.SearchText</c> (lower-cased, apostrophes made one), kept in step by triggers, and filled
    /// from the rows already stored. Raw SQL only: the EF model does not know the table.
    /// </summary>
    public partial class WebProposalSearchFts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // remove_diacritics 0: й, ї and є are letters of their own in Ukrainian, not и and і with a mark.
            migrationBuilder.Sql("""
                CREATE VIRTUAL TABLE ProposalSearch USING fts5(
                    SearchText, content='Proposals', content_rowid='Id', tokenize='unicode61 remove_diacritics 0');
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ProposalSearch_AfterInsert AFTER INSERT ON Proposals BEGIN
                    INSERT INTO ProposalSearch(rowid, SearchText) VALUES (new.Id, new.SearchText);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ProposalSearch_AfterDelete AFTER DELETE ON Proposals BEGIN
                    INSERT INTO ProposalSearch(ProposalSearch, rowid, SearchText) VALUES ('delete', old.Id, old.SearchText);
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER ProposalSearch_AfterUpdate AFTER UPDATE OF SearchText ON Proposals BEGIN
                    INSERT INTO ProposalSearch(ProposalSearch, rowid, SearchText) VALUES ('delete', old.Id, old.SearchText);
                    INSERT INTO ProposalSearch(rowid, SearchText) VALUES (new.Id, new.SearchText);
                END;
                """);
            migrationBuilder.Sql("INSERT INTO ProposalSearch(ProposalSearch) VALUES ('rebuild');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ProposalSearch_AfterUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ProposalSearch_AfterDelete;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ProposalSearch_AfterInsert;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS ProposalSearch;");
        }
    }
}
