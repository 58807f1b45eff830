using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Blog.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class GiftCodeLabelsPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "DisabledAt",
                table: "GiftCodes",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Label",
                table: "GiftCodes",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DisabledAt",
                table: "GiftCodes");

            migrationBuilder.DropColumn(
                name: "Label",
                table: "GiftCodes");
        }
    }
}
