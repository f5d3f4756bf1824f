from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel

from municipalities.kinds import MunicipalityKind, executive_body
from municipalities.querysets import MunicipalityQuerySet
from municipalities.validators import validate_teryt

validate_hostname = RegexValidator(
    r"^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$",
    _("Enter a host name such as gmina.example.pl or gmina.localhost (no http://, no path)."),
)


class Municipality(models.Model):
    """A local government with its own window: a page tree, optionally its own host."""

    name = models.CharField(_("name"), max_length=150, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=MunicipalityKind.choices)
    teryt = models.CharField(
        _("TERYT code"),
        max_length=7,
        blank=True,
        help_text=_("7 digits for a gmina, 4 for a county; empty for an association."),
    )
    slug = models.SlugField(
        _("path"),
        max_length=80,
        unique=True,
        help_text=_("The window's address under the regional portal, e.g. kamienna-gora."),
    )
    hostname = models.CharField(
        _("host name"),
        max_length=253,
        blank=True,
        validators=[validate_hostname],
        help_text=_("Optional own address, e.g. okienko.gmina.pl."),
    )
    coat_of_arms = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("coat of arms"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    office_name = models.CharField(_("office name"), max_length=200, blank=True)
    office_address = models.TextField(_("office address"), blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=30, blank=True)
    home_page = models.OneToOneField(
        "wagtailcore.Page",
        verbose_name=_("home page"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    staff_group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("staff group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="municipality",
        help_text=_("Editors and officials in this group work on this municipality's window."),
    )

    objects = MunicipalityQuerySet.as_manager()

    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("kind")]),
        # The path and host name are fixed by add_municipality (pages and site follow them).
        FieldRowPanel(
            [
                FieldPanel("teryt"),
                FieldPanel("slug", read_only=True),
                FieldPanel("hostname", read_only=True),
            ]
        ),
        FieldPanel("coat_of_arms"),
        MultiFieldPanel(
            [
                FieldPanel("office_name"),
                FieldPanel("office_address"),
                FieldRowPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")]),
            ],
            heading=_("Office and contact"),
        ),
    ]

    class Meta:
        verbose_name = _("municipality")
        verbose_name_plural = _("municipalities")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["hostname"],
                condition=~models.Q(hostname=""),
                name="municipality_unique_hostname",
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        self.hostname = (self.hostname or "").strip().lower()
        try:
            self.teryt = validate_teryt(self.teryt, self.kind)
        except ValidationError as exc:
            raise ValidationError({"teryt": exc.messages}) from exc

    @property
    def is_regional_operator(self) -> bool:
        return self.kind == MunicipalityKind.ASSOCIATION

    @property
    def executive_body(self):
        """The executive body (an IssuingBody) that conducts its consultations."""
        return executive_body(self.kind)

    def public_summary(self) -> dict:
        """What open data says about the municipality an item belongs to."""
        body = self.executive_body
        return {
            "slug": self.slug,
            "name": self.name,
            "kind": self.kind,
            "teryt": self.teryt or None,
            "conducted_by": str(body.label) if body else None,
        }
