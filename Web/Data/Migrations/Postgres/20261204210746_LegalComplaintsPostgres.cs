using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Blog.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class LegalComplaintsPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Complaints",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Reference = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CommentId = table.Column<long>(type: "bigint", nullable: false),
                    AuthorId = table.Column<string>(type: "text", nullable: false),
                    RegimeKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Ground = table.Column<int>(type: "integer", nullable: false),
                    ComplainantName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ComplainantEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ComplainantPhone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ComplainantAddress = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ComplainantUserId = table.Column<string>(type: "text", nullable: true),
                    WhatIsWrong = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Why = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    IdentityMayBeShared = table.Column<bool>(type: "boolean", nullable: false),
                    ReceivedAt = table.Column<long>(type: "bigint", nullable: false),
                    Stage = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    Deadline = table.Column<long>(type: "bigint", nullable: false),
                    DueAt = table.Column<long>(type: "bigint", nullable: true),
                    AuthorNotifiedAt = table.Column<long>(type: "bigint", nullable: true),
                    RemindedAt = table.Column<long>(type: "bigint", nullable: true),
                    AnsweredAt = table.Column<long>(type: "bigint", nullable: true),
                    Answer = table.Column<int>(type: "integer", nullable: true),
                    CounterNotice = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    RemovedAt = table.Column<long>(type: "bigint", nullable: true),
                    CourtActionReportedAt = table.Column<long>(type: "bigint", nullable: true),
                    ClosedAt = table.Column<long>(type: "bigint", nullable: true),
                    Version = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    CommentId = table.Column<long>(type: "bigint", nullable: true),
                    SanctionId = table.Column<long>(type: "bigint", nullable: true),
                    ComplaintId = table.Column<long>(type: "bigint", nullable: true),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Until = table.Column<long>(type: "bigint", nullable: true),
                    Facts = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Automated = table.Column<bool>(type: "boolean", nullable: false),
                    GroundCode = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    Ground = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    LegalGround = table.Column<bool>(type: "boolean", nullable: false),
                    DecidedById = table.Column<string>(type: "text", nullable: true),
                    IssuedAt = table.Column<long>(type: "bigint", nullable: false),
                    AppealUntil = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StatementsOfReasons", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ComplaintEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ComplaintId = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    At = table.Column<long>(type: "bigint", nullable: false),
                    ActorId = table.Column<string>(type: "text", nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    MessageTo = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    MessageSubject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    MessageBody = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    StatementId = table.Column<long>(type: "bigint", nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    FiledAt = table.Column<long>(type: "bigint", nullable: false),
                    Outcome = table.Column<int>(type: "integer", nullable: false),
                    DecidedById = table.Column<string>(type: "text", nullable: true),
                    DecidedAt = table.Column<long>(type: "bigint", nullable: true),
                    Decision = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
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

            // A complaint's timeline and the statements of reasons are append-only in the database itself, as on SQLite.
            migrationBuilder.Sql("""
                CREATE FUNCTION legal_records_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$;
                CREATE TRIGGER "ComplaintEvents_NoUpdate" BEFORE UPDATE ON "ComplaintEvents" FOR EACH ROW EXECUTE FUNCTION legal_records_append_only();
                CREATE TRIGGER "ComplaintEvents_NoDelete" BEFORE DELETE ON "ComplaintEvents" FOR EACH ROW EXECUTE FUNCTION legal_records_append_only();
                CREATE TRIGGER "StatementsOfReasons_NoUpdate" BEFORE UPDATE ON "StatementsOfReasons" FOR EACH ROW EXECUTE FUNCTION legal_records_append_only();
                CREATE TRIGGER "StatementsOfReasons_NoDelete" BEFORE DELETE ON "StatementsOfReasons" FOR EACH ROW EXECUTE FUNCTION legal_records_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS "ComplaintEvents_NoUpdate" ON "ComplaintEvents";
                DROP TRIGGER IF EXISTS "ComplaintEvents_NoDelete" ON "ComplaintEvents";
                DROP TRIGGER IF EXISTS "StatementsOfReasons_NoUpdate" ON "StatementsOfReasons";
                DROP TRIGGER IF EXISTS "StatementsOfReasons_NoDelete" ON "StatementsOfReasons";
                DROP FUNCTION IF EXISTS legal_records_append_only();
                """);

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
