using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Blog.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Publishing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Full-text search (SQLite FTS5): rows are keyed by the article's or case's id; see SqliteSearchIndex.
            migrationBuilder.Sql("CREATE VIRTUAL TABLE ArticleSearch USING fts5(title, standfirst, body, parties, citations, tags, tokenize = 'unicode61 remove_diacritics 2');");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE CaseSearch USING fts5(name, citations, court, summary, tokenize = 'unicode61 remove_diacritics 2');");
            migrationBuilder.AddColumn<string>(
                name: "AuthorSlug",
                table: "AspNetUsers",
                type: "TEXT",
                maxLength: 80,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TeaserHtml",
                table: "Articles",
                type: "TEXT",
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "ArticleSlugRedirects",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OldSlug = table.Column<string>(type: "TEXT", maxLength: 80, nullable: false),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ArticleSlugRedirects", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ArticleSlugRedirects_Articles_ArticleId",
                        column: x => x.ArticleId,
                        principalTable: "Articles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseRelations",
                columns: table => new
                {
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    RelatedCaseId = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseRelations", x => new { x.CaseId, x.RelatedCaseId });
                    table.ForeignKey(
                        name: "FK_CaseRelations_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseRelations_Cases_RelatedCaseId",
                        column: x => x.RelatedCaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_AuthorSlug",
                table: "AspNetUsers",
                column: "AuthorSlug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ArticleSlugRedirects_ArticleId",
                table: "ArticleSlugRedirects",
                column: "ArticleId");

            migrationBuilder.CreateIndex(
                name: "IX_ArticleSlugRedirects_OldSlug",
                table: "ArticleSlugRedirects",
                column: "OldSlug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseRelations_RelatedCaseId",
                table: "CaseRelations",
                column: "RelatedCaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TABLE IF EXISTS ArticleSearch;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS CaseSearch;");
            migrationBuilder.DropTable(
                name: "ArticleSlugRedirects");

            migrationBuilder.DropTable(
                name: "CaseRelations");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_AuthorSlug",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "AuthorSlug",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "TeaserHtml",
                table: "Articles");
        }
    }
}
