"""The officers' form recording attendance at one Steering Group meeting, one row per seat."""

from django import forms

from members.attendance.services import Entry
from members.models import MeetingAttendance


class AttendanceForm(forms.Form):
    """One meeting's attendance: for each seat held that day, a choice of present, apologies,
    absent or deputy attended, and the deputy's name. Field names carry the seat's id; only
    the seats given are read, so a seat added to the request by hand is ignored."""

    def __init__(self, *args, rows, **kwargs):
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            seat, record = row.seat, row.record
            self.fields[f"status_{seat.pk}"] = forms.ChoiceField(
                label=f"{seat.person.get_full_name() or seat.person.email}, "
                f"{seat.organisation.name}",
                choices=MeetingAttendance.Status.choices,
                widget=forms.RadioSelect,
                required=False,
                initial=record.status if record else None,
                error_messages={
                    "invalid_choice": "Choose present, apologies, absent or deputy attended."
                },
            )
            self.fields[f"deputy_{seat.pk}"] = forms.CharField(
                label="Deputy's name, if a deputy attended",
                max_length=255,
                required=False,
                initial=(record.deputy_name if record and record.deputy_name else seat.deputy),
                error_messages={"max_length": "Keep the deputy's name to 255 characters."},
            )

    def row_fields(self):
        """(row, its choice field, its deputy field) for the template: one row per seat."""
        return [
            (row, self[f"status_{row.seat.pk}"], self[f"deputy_{row.seat.pk}"]) for row in self.rows
        ]

    def clean(self):
        cleaned = super().clean()
        for row in self.rows:
            status = cleaned.get(f"status_{row.seat.pk}")
            deputy = (cleaned.get(f"deputy_{row.seat.pk}") or "").strip()
            if status == MeetingAttendance.Status.DEPUTY and not deputy:
                self.add_error(
                    f"deputy_{row.seat.pk}",
                    f"Name the deputy who attended for "
                    f"{row.seat.person.get_full_name() or row.seat.person.email}.",
                )
        return cleaned

    def entries(self) -> list[Entry]:
        entries = []
        for row in self.rows:
            status = self.cleaned_data.get(f"status_{row.seat.pk}")
            if status:
                entries.append(
                    Entry(
                        seat_id=row.seat.pk,
                        status=status,
                        deputy_name=self.cleaned_data.get(f"deputy_{row.seat.pk}", ""),
                    )
                )
        return entries
