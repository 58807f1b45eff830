using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Blog.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class SuppressionOrdersEverywhere : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LiftReason",
                table: "SuppressionOrders",
                type: "TEXT",
                maxLength: 1000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "LiftedAt",
                table: "SuppressionOrders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LiftedById",
                table: "SuppressionOrders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "UpdatedAt",
                table: "SuppressionOrders",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SuppressionOrderId",
                table: "Comments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SuppressionTerm",
                table: "Comments",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LiftReason",
                table: "SuppressionOrders");

            migrationBuilder.DropColumn(
                name: "LiftedAt",
                table: "SuppressionOrders");

            migrationBuilder.DropColumn(
                name: "LiftedById",
                table: "SuppressionOrders");

            migrationBuilder.DropColumn(
                name: "UpdatedAt",
                table: "SuppressionOrders");

            migrationBuilder.DropColumn(
                name: "SuppressionOrderId",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "SuppressionTerm",
                table: "Comments");
        }
    }
}
