using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Blog.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class LegalComplaints : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Complaints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    CommentId = table.Column<long>(type: "INTEGER", nullable: false),
                    AuthorId = table.Column<string>(type: "TEXT", nullable: false),
                    RegimeKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Ground = table.Column<int>(type: "INTEGER", nullable: false),
                    ComplainantName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ComplainantEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ComplainantPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    ComplainantAddress = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ComplainantUserId = table.Column<string>(type: "TEXT", nullable: true),
                    WhatIsWrong = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Why = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    IdentityMayBeShared = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    Deadline = table.Column<long>(type: "INTEGER", nullable: false),
                    DueAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AuthorNotifiedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    RemindedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Answer = table.Column<int>(type: "INTEGER", nullable: true),
                    CounterNotice = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    CourtActionReportedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Complaints", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Complaints_Comments_CommentId",
                        column: x => x.CommentId,
                        principalTable: "Comments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "StatementsOfReasons",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    CommentId = table.Column<long>(type: "INTEGER", nullable: true),
                    SanctionId = table.Column<long>(type: "INTEGER", nullable: true),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Until = table.Column<long>(type: "INTEGER", nullable: true),
                    Facts = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Source = table.Column<int>(type: "INTEGER", nullable: false),
                    Automated = table.Column<bool>(type: "INTEGER", nullable: false),
                    GroundCode = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    Ground = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    LegalGround = table.Column<bool>(type: "INTEGER", nullable: false),
                    DecidedById = table.Column<string>(type: "TEXT", nullable: true),
                    IssuedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AppealUntil = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatementsOfReasons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ComplaintId = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    ActorId = table.Column<string>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    MessageTo = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    MessageSubject = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    MessageBody = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ComplaintEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ComplaintEvents_Complaints_ComplaintId",
                        column: x => x.ComplaintId,
                        principalTable: "Complaints",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Appeals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    StatementId = table.Column<long>(type: "INTEGER", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    FiledAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<int>(type: "INTEGER", nullable: false),
                    DecidedById = table.Column<string>(type: "TEXT", nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Appeals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Appeals_StatementsOfReasons_StatementId",
                        column: x => x.StatementId,
                        principalTable: "StatementsOfReasons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_Outcome_FiledAt",
                table: "Appeals",
                columns: new[] { "Outcome", "FiledAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Appeals_StatementId",
                table: "Appeals",
                column: "StatementId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintEvents_ComplaintId_Id",
                table: "ComplaintEvents",
                columns: new[] { "ComplaintId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ComplaintEvents_Kind_At",
                table: "ComplaintEvents",
                columns: new[] { "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_CommentId_Stage",
                table: "Complaints",
                columns: new[] { "CommentId", "Stage" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_ReceivedAt",
                table: "Complaints",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Reference",
                table: "Complaints",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Stage_Deadline",
                table: "Complaints",
                columns: new[] { "Stage", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_Complaints_Stage_DueAt",
                table: "Complaints",
                columns: new[] { "Stage", "DueAt" });

            migrationBuilder.CreateIndex(
                name: "IX_StatementsOfReasons_CommentId",
                table: "StatementsOfReasons",
                column: "CommentId");

            migrationBuilder.CreateIndex(
                name: "IX_StatementsOfReasons_IssuedAt",
                table: "StatementsOfReasons",
                column: "IssuedAt");

            migrationBuilder.CreateIndex(
                name: "IX_StatementsOfReasons_UserId_IssuedAt",
                table: "StatementsOfReasons",
                columns: new[] { "UserId", "IssuedAt" });

            // A complaint's timeline and the statements of reasons are append-only in the database itself.
            foreach (var table in new[] { "ComplaintEvents", "StatementsOfReasons" })
            {
                migrationBuilder.Sql($"CREATE TRIGGER {table}_NoUpdate BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END;");
                migrationBuilder.Sql($"CREATE TRIGGER {table}_NoDelete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END;");
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var table in new[] { "ComplaintEvents", "StatementsOfReasons" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_NoUpdate;");
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {table}_NoDelete;");
            }

            migrationBuilder.DropTable(
                name: "Appeals");

            migrationBuilder.DropTable(
                name: "ComplaintEvents");

            migrationBuilder.DropTable(
                name: "StatementsOfReasons");

            migrationBuilder.DropTable(
                name: "Complaints");
        }
    }
}
