using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Blog.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class Moderation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsFeatured",
                table: "Comments",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ModerationCode",
                table: "Comments",
                type: "TEXT",
                maxLength: 60,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ModerationReason",
                table: "Comments",
                type: "TEXT",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ModeratorNote",
                table: "Comments",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "ReportSeenAt",
                table: "Comments",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "CommentReports",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CommentId = table.Column<long>(type: "INTEGER", nullable: false),
                    ReporterId = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<int>(type: "INTEGER", nullable: false),
                    Details = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ResolvedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommentReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommentReports_AspNetUsers_ReporterId",
                        column: x => x.ReporterId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommentReports_Comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "Comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ModerationDecisions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Action = table.Column<int>(type: "INTEGER", nullable: false),
                    CommentId = table.Column<long>(type: "INTEGER", nullable: true),
                    ArticleId = table.Column<int>(type: "INTEGER", nullable: true),
                    SubjectUserId = table.Column<string>(type: "TEXT", nullable: true),
                    ActorId = table.Column<string>(type: "TEXT", nullable: true),
                    Rule = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    FromStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    ToStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    ReasonCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModerationDecisions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ModerationWords",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Word = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ModerationWords", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SuppressionOrders",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    OrderType = table.Column<int>(type: "INTEGER", nullable: false),
                    ProtectedRole = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Terms = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    MadeAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAppearance = table.Column<long>(type: "INTEGER", nullable: true),
                    ExpiresAt = table.Column<long>(type: "INTEGER", nullable: true),
                    EnteredById = table.Column<string>(type: "TEXT", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SuppressionOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SuppressionOrders_Cases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "Cases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "UserSanctions",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    EndsAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LiftedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserSanctions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UserSanctions_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Comments_Status_CreatedAt_Id",
                table: "Comments",
                columns: new[] { "Status", "CreatedAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_CommentReports_CommentId_ReporterId",
                table: "CommentReports",
                columns: new[] { "CommentId", "ReporterId" },
                unique: true,
                filter: "\"ResolvedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_CommentReports_ReporterId",
                table: "CommentReports",
                column: "ReporterId");

            migrationBuilder.CreateIndex(
                name: "IX_CommentReports_ResolvedAt_CommentId",
                table: "CommentReports",
                columns: new[] { "ResolvedAt", "CommentId" });

            migrationBuilder.CreateIndex(
                name: "IX_ModerationDecisions_CommentId_CreatedAt",
                table: "ModerationDecisions",
                columns: new[] { "CommentId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ModerationDecisions_CreatedAt",
                table: "ModerationDecisions",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_ModerationDecisions_SubjectUserId_CreatedAt",
                table: "ModerationDecisions",
                columns: new[] { "SubjectUserId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ModerationWords_Kind_Word",
                table: "ModerationWords",
                columns: new[] { "Kind", "Word" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SuppressionOrders_CaseId",
                table: "SuppressionOrders",
                column: "CaseId");

            migrationBuilder.CreateIndex(
                name: "IX_UserSanctions_UserId_Kind",
                table: "UserSanctions",
                columns: new[] { "UserId", "Kind" });

            // Append-only in the database too: no code path, and no stray SQL, can rewrite the record.
            migrationBuilder.Sql("CREATE TRIGGER ModerationDecisions_NoUpdate BEFORE UPDATE ON ModerationDecisions BEGIN SELECT RAISE(ABORT, 'moderation decisions are append-only'); END;");
            migrationBuilder.Sql("CREATE TRIGGER ModerationDecisions_NoDelete BEFORE DELETE ON ModerationDecisions BEGIN SELECT RAISE(ABORT, 'moderation decisions are append-only'); END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ModerationDecisions_NoUpdate;");
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS ModerationDecisions_NoDelete;");
            migrationBuilder.DropTable(
                name: "CommentReports");

            migrationBuilder.DropTable(
                name: "ModerationDecisions");

            migrationBuilder.DropTable(
                name: "ModerationWords");

            migrationBuilder.DropTable(
                name: "SuppressionOrders");

            migrationBuilder.DropTable(
                name: "UserSanctions");

            migrationBuilder.DropIndex(
                name: "IX_Comments_Status_CreatedAt_Id",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "IsFeatured",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "ModerationCode",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "ModerationReason",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "ModeratorNote",
                table: "Comments");

            migrationBuilder.DropColumn(
                name: "ReportSeenAt",
                table: "Comments");
        }
    }
}
