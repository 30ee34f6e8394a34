using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ClusterAtlas.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class AddCalls : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Calls",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Slug = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Programme = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Identifier = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    Link = table.Column<string>(type: "character varying(2048)", maxLength: 2048, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClosesAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ClosingTimeZone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EligibleCountries = table.Column<List<string>>(type: "text[]", nullable: false),
                    BudgetAmount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    BudgetCurrency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    BudgetText = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Summary = table.Column<string>(type: "character varying(20000)", maxLength: 20000, nullable: false),
                    Tags = table.Column<List<string>>(type: "text[]", nullable: false),
                    AddedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Calls", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CallTerms",
                columns: table => new
                {
                    CallId = table.Column<int>(type: "integer", nullable: false),
                    Field = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    VocabularyTermId = table.Column<int>(type: "integer", nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CallTerms", x => new { x.CallId, x.Field, x.VocabularyTermId });
                    table.ForeignKey(
                        name: "FK_CallTerms_Calls_CallId",
                        column: x => x.CallId,
                        principalTable: "Calls",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CallTerms_VocabularyTerms_VocabularyTermId",
                        column: x => x.VocabularyTermId,
                        principalTable: "VocabularyTerms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Calls_AddedAt",
                table: "Calls",
                column: "AddedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_ClosesAt",
                table: "Calls",
                column: "ClosesAt");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_Identifier",
                table: "Calls",
                column: "Identifier");

            migrationBuilder.CreateIndex(
                name: "IX_Calls_Slug",
                table: "Calls",
                column: "Slug",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CallTerms_VocabularyTermId",
                table: "CallTerms",
                column: "VocabularyTermId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CallTerms");

            migrationBuilder.DropTable(
                name: "Calls");
        }
    }
}
