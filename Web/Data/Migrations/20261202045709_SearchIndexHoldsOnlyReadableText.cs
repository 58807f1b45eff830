using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Blog.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SearchIndexHoldsOnlyReadableText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Subscriber-only articles used to be indexed with their whole body. Emptying the index makes the start-up
            // check find it incomplete and rebuild it, with only what any reader may read.
            migrationBuilder.Sql("DELETE FROM ArticleSearch;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
