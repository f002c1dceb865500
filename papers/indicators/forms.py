"""The officers' form for importing an indicator's results from a CSV file."""

from django import forms

from .models import IndicatorPage


class ImportResultsForm(forms.Form):
    indicator = forms.ModelChoiceField(
        queryset=IndicatorPage.objects.order_by("title"),
        error_messages={"required": "Choose the indicator the results are for."},
    )
    file = forms.FileField(
        label="CSV file",
        help_text="A heading row naming the columns date, value and optionally area, note and "
        "source; then one result a row. Dates as 2008-03-31 or 31/03/2008.",
        error_messages={"required": "Choose the CSV file of results to import."},
    )
